package com.example.hello;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Turns on Jakarta REST for the resources under /api. */
@ApplicationPath("/api")
public class HelloApplication extends Application {
}
