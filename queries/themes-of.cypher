// question-ko: 이 도시는 어떤 주제와 관련되는가? (건수 포함)
// question-en: Which themes is this city associated with, and how often?
// param: city = 포항  (the city's name or any alias, or its name without the 시/군/구/도 suffix: 포항, 포항시)
// returns: city, cityName, theme, themeId, labelKo, labelEn,
//          articles (articles that mention both the city and the theme),
//          facts (the city's events and policies with that theme: organizedBy/heldIn/adoptedBy + hasTheme/targets)
// Twin of themes-of.rq.
MATCH (c:City)
WHERE c.name = $city OR $city IN c.aliases
   OR c.name IN [$city + '시', $city + '군', $city + '구', $city + '도', $city + '광역시', $city + '특별시',
                 $city + '특별자치시', $city + '특별자치도']
OPTIONAL MATCH (c)-[:MENTIONED_IN]->(a:Article)<-[:MENTIONED_IN]-(t1:Theme)
WITH c, collect(DISTINCT t1.iri + ' ' + a.iri) AS mentionPairs
OPTIONAL MATCH (x)-[:ORGANIZED_BY|HELD_IN|ADOPTED_BY]->(c)
OPTIONAL MATCH (x)-[:HAS_THEME|TARGETS]->(t2:Theme)
WITH c, mentionPairs, collect(DISTINCT t2.iri + ' ' + x.iri) AS factPairs
UNWIND [m IN mentionPairs | split(m, ' ')[0]] + [f IN factPairs | split(f, ' ')[0]] AS ti
WITH DISTINCT c, mentionPairs, factPairs, ti
MATCH (t:Theme {iri: ti})
WITH c, t, size([m IN mentionPairs WHERE split(m, ' ')[0] = ti]) AS articles,
     size([f IN factPairs WHERE split(f, ' ')[0] = ti]) AS facts
RETURN $city AS city, c.name AS cityName, t.iri AS theme, t.notation AS themeId, t.name AS labelKo,
       t.nameEn AS labelEn, articles, facts
ORDER BY articles DESC, facts DESC, themeId
