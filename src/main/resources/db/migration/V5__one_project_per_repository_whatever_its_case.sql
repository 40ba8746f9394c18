-- A repository is one project whatever its case, as lookups already treat it. The unique key was case-sensitive, so
-- two spellings of a new repository registered at the same instant on two nodes could each insert a project. Any such
-- twins are merged into the oldest before the case-insensitive key is made: their sessions, deployments and series
-- move to it, and the younger twin's settings go (it lived for one race, so it was never configured on purpose).
-- Portable SQL for SQLite and PostgreSQL; repository names are ASCII, so both LOWERs agree.

CREATE TABLE project_twins AS
SELECT d.id AS twin_id,
       (SELECT k.id FROM projects k
         WHERE k.org_id = d.org_id AND LOWER(k.repository_full_name) = LOWER(d.repository_full_name)
         ORDER BY k.created_at, k.id LIMIT 1) AS kept_id
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
