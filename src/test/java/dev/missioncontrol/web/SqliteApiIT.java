package dev.missioncontrol.web;

import dev.missioncontrol.testing.TestServer;

class SqliteApiIT extends ApiContract {
    @Override
    TestServer.Db database() {
        return TestServer.Db.SQLITE;
    }
}
