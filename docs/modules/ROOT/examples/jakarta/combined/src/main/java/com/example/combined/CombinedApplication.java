package com.example.combined;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Jakarta REST for everything; /api for Hexclave users, /ops for operators. */
@ApplicationPath("/")
@DeclareRoles({ "authenticated", "ops" })
public class CombinedApplication extends Application {
}
