package dev.missioncontrol.orgs;

import java.time.Instant;

public record Organization(String id, String name, boolean autoRegisterProjects, Instant createdAt) {
}
