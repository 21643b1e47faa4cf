// question-ko: 이 도시의 공무원·인물과 그 직위는?
// question-en: Who are this city's officials, and what are their roles?
// param: city = 포항  (the city's name or any alias, or its name without the 시/군/구/도 suffix: 포항, 포항시)
// returns: city, cityName, official, officialName, role (title as written; one row per distinct role)
// Twin of officials-of.rq.
MATCH (c:City)
WHERE c.name = $city OR $city IN c.aliases
   OR c.name IN [$city + '시', $city + '군', $city + '구', $city + '도', $city + '광역시', $city + '특별시',
                 $city + '특별자치시', $city + '특별자치도']
MATCH (o:Official)-[r:HOLDS_ROLE_IN]->(c)
UNWIND CASE WHEN size(coalesce(r.roles, [])) = 0 THEN [null] ELSE r.roles END AS role
RETURN DISTINCT $city AS city, c.name AS cityName, o.iri AS official, o.name AS officialName, role
ORDER BY cityName, officialName, role
