package dev.missioncontrol.orgs;

import java.time.Instant;

public record User(String id, String orgId, String email, Role role, Instant createdAt) {

    public enum Role {
        ADMIN, MEMBER;

        public String wire() {
            return name().toLowerCase();
        }
    }
}
