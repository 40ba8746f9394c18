-- A repository is one project whatever its case, as lookups already treat it. The unique key was case-sensitive, so
-- two spellings of one repository could each hold a project: registered at the same instant on two nodes, or from
-- before lookups ignored case. Any such twins are merged before the case-insensitive key is made. The twin kept is
-- the one an admin configured (settings other than the empty default), then the one with the most deployments, then
-- the oldest; the others' sessions, deployments and series move to it, and their own settings go.
-- Portable SQL for SQLite and PostgreSQL; repository names are ASCII, so both LOWERs agree.

CREATE TABLE project_twins AS
SELECT d.id AS twin_id,
       (SELECT k.id FROM projects k
         WHERE k.org_id = d.org_id AND LOWER(k.repository_full_name) = LOWER(d.repository_full_name)
         ORDER BY CASE WHEN k.settings = '{}' THEN 1 ELSE 0 END,
                  (SELECT COUNT(*) FROM deployments x WHERE x.project_id = k.id) DESC,
                  k.created_at, k.id
         LIMIT 1) AS kept_id
  FROM projects d;

DELETE FROM project_twins WHERE twin_id = kept_id;

UPDATE agent_sessions SET project_id = (SELECT kept_id FROM project_twins WHERE twin_id = agent_sessions.project_id)
 WHERE project_id IN (SELECT twin_id FROM project_twins);
UPDATE deployments SET project_id = (SELECT kept_id FROM project_twins WHERE twin_id = deployments.project_id)
 WHERE project_id IN (SELECT twin_id FROM project_twins);
UPDATE signal_series SET project_id = (SELECT kept_id FROM project_twins WHERE twin_id = signal_series.project_id)
 WHERE project_id IN (SELECT twin_id FROM project_twins);
DELETE FROM projects WHERE id IN (SELECT twin_id FROM project_twins);
DROP TABLE project_twins;

CREATE UNIQUE INDEX projects_org_repository_any_case ON projects (org_id, LOWER(repository_full_name));
