// question-ko: 이 기관과 협력한 도시는 어디인가?
// question-en: Which cities partnered with this institution?
// param: institution = STEPI  (the institution's name or any alias: 과학기술정책연구원, STEPI)
// returns: institution, institutionName, city, cityName, level, articles (number of articles stating the partnership)
// Twin of partners-of.rq. PARTNERED_WITH is symmetric: stored once per pair, matched in both directions.
MATCH (i:Institution)
WHERE i.name = $institution OR $institution IN i.aliases
MATCH (i)-[r:PARTNERED_WITH]-(c:City)
RETURN $institution AS institution, i.name AS institutionName, c.iri AS city, c.name AS cityName,
       c.level AS level, coalesce(r.articleCount, 0) AS articles
ORDER BY articles DESC, cityName
