package dev.missioncontrol.web;

import io.javalin.config.RoutesConfig;

/** A feature's HTTP routes; App hands each to the server, so web/ never imports a feature. */
public interface RouteGroup {
    void register(RoutesConfig routes);
}
