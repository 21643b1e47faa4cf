// question-ko: 이 개체에 관한 사실들의 근거 문장은?
// question-en: Which sentences support the facts about this entity?
// param: entity = STEPI  (any entity's name or alias, or a theme id: 포항시, STEPI, 이강덕, Safety)
// returns: entity, entityName, relation, direction (out: entity is the subject; in: the object), otherName,
//          sentence, title, published, start, end (character offsets into the article's source text),
//          article, confidence, cues (the words that triggered the fact, comma-separated)
// Twin of evidence.rq: one row per piece of evidence of each fact (the relationship's aligned evidence lists).
// partneredWith is symmetric: its direction is arbitrary. Newest articles first (the SPARQL twin stops at 1000
// assertions; this one returns them all).
MATCH (e)
WHERE (e:Theme AND e.notation = $entity)
   OR ((e:City OR e:Official OR e:Institution OR e:Event OR e:Policy) AND (e.name = $entity OR $entity IN e.aliases))
MATCH (e)-[r]-(o)
WHERE r.relation IS NOT NULL
UNWIND range(0, coalesce(size(r.evidenceStarts), 0) - 1) AS i
WITH e, r, o, i
WHERE r.evidenceStarts[i] >= 0
OPTIONAL MATCH (art:Article {iri: r.articles[i]})
RETURN DISTINCT $entity AS entity,
       CASE WHEN e:Theme THEN e.notation ELSE e.name END AS entityName,
       r.relation AS relation,
       CASE WHEN (startNode(r) = e) <> r.evidenceReversed[i] THEN 'out' ELSE 'in' END AS direction,
       CASE WHEN o:Theme THEN o.notation ELSE o.name END AS otherName,
       CASE WHEN r.sentences[i] = '' THEN null ELSE r.sentences[i] END AS sentence,
       art.headline AS title, art.datePublished AS published,
       r.evidenceStarts[i] AS `start`, r.evidenceEnds[i] AS `end`, r.articles[i] AS article,
       CASE WHEN r.evidenceConfidences[i] < 0 THEN null ELSE r.evidenceConfidences[i] END AS confidence,
       r.evidenceCues[i] AS cues
ORDER BY published DESC, title, `start`, relation
