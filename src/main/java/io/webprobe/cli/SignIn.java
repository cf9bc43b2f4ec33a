package io.webprobe.cli;

import io.webprobe.http.Header;

/**
 * {@code --user NAME[:PASSWORD]}, as curl takes it: the Authorization header of HTTP basic
 * authentication, the password from the option, else from {@code WEBPROBE_PASSWORD}, else
 * asked for on the terminal (not echoed). One rule for crawl and ping.
 */
final class SignIn {
    static final String PASSWORD_HELP = "Without :PASSWORD, the password is read from the "
            + "WEBPROBE_PASSWORD environment variable, or asked for on the terminal.";

    private SignIn() {}

    /**
     * The header for this option value.
     *
     * @throws IllegalArgumentException with a plain sentence when the name or password cannot
     *     be sent, or no password is to be had
     */
    static Header header(String user) {
        int colon = user.indexOf(':');
        String name = colon < 0 ? user : user.substring(0, colon);
        String password = colon >= 0 ? user.substring(colon + 1) : password(name);
        return Header.basicSignIn(name, password);
    }

    /**
     * What a resume of this crawl needs on its command line besides {@code --resume FILE}: the
     * crawl file keeps no sign-in (ADR 0022). " --user ann" when this run had one (its
     * password is asked for again, never printed), " --user NAME:PASSWORD" when the site asked
     * for one this run was not given, else "".
     *
     * @param user this run's --user, or null
     * @param signInAsked whether the site asked for a sign-in this run did not give
     */
    static String forResume(String user, boolean signInAsked) {
        if (user != null) {
            int colon = user.indexOf(':');
            return " --user " + (colon < 0 ? user : user.substring(0, colon));
        }
        return signInAsked ? " --user NAME:PASSWORD" : "";
    }

    private static String password(String name) {
        String env = System.getenv("WEBPROBE_PASSWORD");
        if (env != null) {
            return env;
        }
        java.io.Console console = System.console();
        char[] typed = !terminal(console) ? null
                : console.readPassword("Password for %s: ", name);
        if (typed == null) {
            throw new IllegalArgumentException("--user " + name + " needs a password: give it as "
                    + "--user " + name + ":PASSWORD, set WEBPROBE_PASSWORD, or run in a "
                    + "terminal to be asked.");
        }
        return new String(typed);
    }

    /**
     * Whether the console is a terminal to ask on: on JDK 21 a console exists only then; from
     * JDK 22 one exists for redirected streams too, and says so with isTerminal().
     */
    private static boolean terminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21
        }
    }
}
