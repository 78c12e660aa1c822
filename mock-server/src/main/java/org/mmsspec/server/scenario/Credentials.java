package org.mmsspec.server.scenario;

/** The one user BASIC authentication accepts (MS-MMSP 3.2.5.6, 3.2.5.7). */
public record Credentials(String user, String password, String realm) {
}
