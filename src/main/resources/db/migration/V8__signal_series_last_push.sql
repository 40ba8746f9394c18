-- A series row's time is now when it was last pushed to, refreshed by every push, rather than when it was first
-- pushed. The hourly cleanup deletes a series left without samples only when its time is older than the retention:
-- on PostgreSQL a push's refresh locks the row, so a cleanup racing a push that revives an idle series waits for it
-- and then sees the fresh time, instead of deleting the series under the push's new samples.
ALTER TABLE signal_series RENAME COLUMN created_at TO pushed_at;
