package dev.missioncontrol.agent;

import dev.missioncontrol.testing.TestServer;

class PostgresRuntimeIT extends RuntimeContract {
    @Override
    TestServer.Db database() {
        return TestServer.Db.POSTGRES;
    }
}
