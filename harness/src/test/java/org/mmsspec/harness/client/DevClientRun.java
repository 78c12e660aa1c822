package org.mmsspec.harness.client;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.client.ClientCase;
import org.mmsspec.cases.client.ClientCaseRunner;
import org.mmsspec.cases.client.ClientCases;
import org.mmsspec.cases.client.ClientSettings;
import org.mmsspec.cases.client.Scheme;

/**
 * A developer's loop while writing client cases, until {@code mmsspec client} exists; not run by the build (its name
 * matches no surefire pattern). {@code mvn -q test -pl harness -am -Dtest=DevClientRun
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddev.client="ffmpeg -nostdin -v error -i {url} -c copy -f null -"
 * -Ddev.cases=C-MMSP-2.2.4.17 [-Ddev.scheme=mms] [-Ddev.user=mmsuser] [-Ddev.evidence=true]}
 */
class DevClientRun {

    @Test
    void run() {
        String command = System.getProperty("dev.client", "ffmpeg -nostdin -v error -i {url} -c copy -f null -");
        String only = System.getProperty("dev.cases", "");
        CommandLauncher launcher = new CommandLauncher(CommandWords.split(command),
                Optional.ofNullable(System.getProperty("dev.user")));
        ClientSettings settings = ClientSettings.DEFAULTS;
        String scheme = System.getProperty("dev.scheme");
        if (scheme != null && !scheme.isBlank()) {
            settings = settings.withScheme(Scheme.parse(scheme));
        }
        ClientCaseRunner runner = new ClientCaseRunner(launcher, settings);
        for (ClientCase c : ClientCases.all()) {
            if (!only.isEmpty() && java.util.Arrays.stream(only.split(",")).noneMatch(p -> c.id().startsWith(p))) {
                continue;
            }
            CaseResult r = runner.run(c);
            System.out.printf("%-5s %s (%d ms) %s%n", r.verdict(), c.displayName(), r.durationMs(), r.message());
            if (Boolean.getBoolean("dev.evidence")) {
                r.evidence().forEach(System.out::println);
            }
        }
    }
}
