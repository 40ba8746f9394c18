package dev.missioncontrol.agent;

import dev.missioncontrol.testing.TestServer;

class SqliteRuntimeIT extends RuntimeContract {
    @Override
    TestServer.Db database() {
        return TestServer.Db.SQLITE;
    }
}
