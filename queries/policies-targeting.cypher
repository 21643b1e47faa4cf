// question-ko: 이 주제를 겨냥한 정책과 그 정책을 채택한 도시는?
// question-en: Which policies target this theme, and which cities adopted them?
// param: theme = Safety  (theme id, or its Korean or English label: Safety, 안전, AI, 인공지능, 스마트시티)
// returns: theme, themeId, policy, policyName, adopter, adopterName, adopterType (City or Institution)
// Twin of policies-targeting.rq: labels compared case-insensitively; a policy without a known adopter is
// listed with an empty adopter. At most 1000 policies (by name).
MATCH (t:Theme)
WHERE toLower(t.notation) = toLower($theme) OR toLower(t.name) = toLower($theme)
   OR toLower(t.nameEn) = toLower($theme)
   OR any(label IN coalesce(t.altLabels, []) WHERE toLower(label) = toLower($theme))
MATCH (p:Policy)-[:TARGETS]->(t)
WITH DISTINCT t, p ORDER BY p.name, p.iri LIMIT 1000
OPTIONAL MATCH (p)-[:ADOPTED_BY]->(a)
WHERE a:City OR a:Institution
RETURN DISTINCT $theme AS theme, t.notation AS themeId, p.iri AS policy, p.name AS policyName,
       a.iri AS adopter, a.name AS adopterName,
       CASE WHEN a:City THEN 'City' WHEN a:Institution THEN 'Institution' END AS adopterType
ORDER BY policyName, adopterName
