package io.webprobe.cli;

import io.webprobe.http.AuthChallenge;
import io.webprobe.http.Header;

/**
 * {@code --user NAME[:PASSWORD]}, as curl takes it: the Authorization header of HTTP basic
 * authentication, the password from the option, else from {@code WEBPROBE_PASSWORD}, else
 * asked for on the terminal (not echoed). One rule for crawl and ping.
 */
final class SignIn {
    // no example of two words, nor one after a lone ":": the help wraps where a space is
    // ("Without :" and "PASSWORD" fell on two lines, "-H" and "'Accept:'" too)
    static final String PASSWORD_HELP = "Given NAME alone, the password is read from the "
            + "WEBPROBE_PASSWORD environment variable, or asked for on the terminal.";
    /** -H with an empty value, for crawl and ping alike ({@code Header.sent}). */
    static final String HEADER_REMOVES = "A header given as a name with no value, 'Accept:', "
            + "is not sent, not even the one Webprobe sends by default (User-Agent, Accept...), "
            + "as curl does; the Host header is always sent. Given as 'Name;', it is sent with "
            + "an empty value.";

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
        // an empty name is refused (by basicSignIn) before a password is asked for it
        String password = colon >= 0 || name.isEmpty() ? user.substring(colon + 1)
                : password(name);
        return Header.basicSignIn(name, password);
    }

    /**
     * What a resume of this crawl needs on its command line besides {@code --resume FILE}: the
     * crawl file keeps no sign-in and no header that may hold a password, only its name
     * (ADR 0031). " --user ann" when this run had one (its password is asked for again, never
     * printed), " -H 'Name: …'" for each header whose value the file does not keep (a token or
     * a cookie, never printed), and when the site asked for a sign-in this run was not given,
     * the option that gives it ({@link #optionFor}); else "".
     *
     * @param user this run's --user, or null
     * @param headers this run's request headers ({@link
     *     io.webprobe.crawl.SiteHeaders#notKept()} names those whose values the file does not
     *     keep, --user's Authorization among them)
     * @param signInAsked whether the site asked for a sign-in (HTTP 401)
     * @param scheme the scheme the site asked for ("Basic", "Bearer"...), or ""
     */
    static String forResume(String user, io.webprobe.crawl.SiteHeaders headers,
            boolean signInAsked, String scheme) {
        StringBuilder b = new StringBuilder();
        if (user != null) {
            int colon = user.indexOf(':');
            b.append(" --user ").append(colon < 0 ? user : user.substring(0, colon));
        }
        boolean headerSignIn = false;
        for (String name : headers.notKept()) {
            boolean auth = name.equalsIgnoreCase("Authorization");
            if (auth && (user != null || signInAsked && headers.withheld().contains(name))) {
                continue; // --user's, or one not given, which the site asked for: optionFor
            }
            headerSignIn |= auth;
            b.append(" -H '").append(name).append(": \u2026'");
        }
        if (signInAsked && user == null && !headerSignIn) {
            b.append(' ').append(optionFor(scheme));
        }
        return b.toString();
    }

    /**
     * The option that gives the sign-in a site asks for with this scheme: "--user
     * NAME:PASSWORD" for Basic (or when the site named none), else an Authorization header in
     * that scheme, "-H 'Authorization: Bearer \u2026'", which --user cannot send.
     */
    static String optionFor(String scheme) {
        return AuthChallenge.takesPassword(scheme) ? "--user NAME:PASSWORD"
                : "-H 'Authorization: " + scheme + " \u2026'";
    }

    /** Whether --user was given for a site that asks for a sign-in it cannot give (Bearer). */
    static boolean userCannotGive(String user, String scheme) {
        return user != null && !AuthChallenge.takesPassword(scheme);
    }

    /**
     * What to do about a sign-in the site refused (HTTP 401), one sentence: how to give it
     * when none was given, else which one to check, or that --user cannot give the scheme the
     * site asks for.
     *
     * @param user this run's --user, or null
     * @param headerSignIn whether an Authorization header was given with -H
     * @param scheme the scheme the site asked for ("Basic", "Bearer"...), or ""
     */
    static String remedy(String user, boolean headerSignIn, String scheme) {
        if (user == null && !headerSignIn) {
            return "Give it with " + optionFor(scheme) + ".";
        }
        if (userCannotGive(user, scheme)) {
            return "The site asks for a " + scheme + " sign-in, which --user cannot give: give "
                    + "it with " + optionFor(scheme) + ".";
        }
        return user != null ? "Check the name and password given with --user."
                : "Check the Authorization header given with -H.";
    }

    private static String password(String name) {
        String env = System.getenv("WEBPROBE_PASSWORD");
        if (env != null) {
            return env;
        }
        java.io.Console console = System.console();
        char[] typed = !StdStreams.terminal(console) ? null
                : console.readPassword("Password for %s: ", name);
        if (typed == null) {
            throw new IllegalArgumentException("--user " + name + " needs a password: give it as "
                    + "--user " + name + ":PASSWORD, set WEBPROBE_PASSWORD, or run in a "
                    + "terminal to be asked.");
        }
        return new String(typed);
    }
}
