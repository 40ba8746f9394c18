package dev.missioncontrol.web;

import dev.missioncontrol.testing.TestServer;

class PostgresApiIT extends ApiContract {
    @Override
    TestServer.Db database() {
        return TestServer.Db.POSTGRES;
    }
}
