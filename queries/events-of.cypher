// question-ko: 이 도시가 주최했거나 이 도시에서 열린 행사는? (최신순)
// question-en: Which events did this city organise or host, newest first?
// param: city = 포항  (the city's name or any alias, or its name without the 시/군/구/도 suffix: 포항, 포항시)
// returns: city, cityName, event, eventName, date, kind, place, how (organizedBy and/or heldIn); undated events last;
//          at most 1000 rows
// Twin of events-of.rq.
MATCH (c:City)
WHERE c.name = $city OR $city IN c.aliases
   OR c.name IN [$city + '시', $city + '군', $city + '구', $city + '도', $city + '광역시', $city + '특별시',
                 $city + '특별자치시', $city + '특별자치도']
MATCH (e:Event)-[r:ORGANIZED_BY|HELD_IN]->(c)
WITH c, e, collect(DISTINCT r.relation) AS rels
RETURN $city AS city, c.name AS cityName, e.iri AS event, e.name AS eventName, e.date AS date,
       e.kind AS kind, e.place AS place,
       reduce(s = '', x IN [k IN ['organizedBy', 'heldIn'] WHERE k IN rels] |
              s + CASE WHEN s = '' THEN '' ELSE ',' END + x) AS how
ORDER BY CASE WHEN date IS NULL THEN 1 ELSE 0 END, date DESC, eventName
LIMIT 1000
