// SPDX-License-Identifier: Apache-2.0
package urelay.e2e.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs curl inside a namespace, bounded by {@code --max-time}, with proxies and
 * {@code ~/.curlrc} ignored so it goes exactly where the test says.
 *
 * <p>curl reports the connection's local address on stderr (after its own messages), so a
 * test can find the audit line of exactly that connection by the client port.
 */
public final class Curl {

    private static final int MAX_SECONDS = 20;
    private static final int CONNECT_FAILED = 7;
    private static final int SEND_FAILED = 55;
    private static final int RECEIVE_FAILED = 56;
    private static final String REPORT = "urelay-curl local=";
    private static final Pattern REPORT_LINE =
            Pattern.compile(Pattern.quote(REPORT) + "(\\S*) port=(\\d*) code=(\\d*)");

    /** What one curl run produced. {@code localPort} is 0 when curl never connected. */
    public record Result(int exit, String body, String localIp, int localPort, int httpCode,
            String stderr) {

        /** The client address as urelay writes it: {@code ip:port} or {@code [ip]:port}. */
        public String client() {
            return (localIp.contains(":") ? "[" + localIp + "]" : localIp) + ":" + localPort;
        }

        /**
         * True when the connection was reset under curl: exit 55 (send failure) or 56
         * (receive failure), whichever call met the reset, with the reset named on stderr.
         * A reset that arrives before curl has finished checking its connect ends as exit 7
         * (could not connect); curl names the reset only with {@code -v}, so a test that
         * wants to see that case too passes {@code -v}.
         */
        public boolean wasReset() {
            return (exit == SEND_FAILED || exit == RECEIVE_FAILED || exit == CONNECT_FAILED)
                    && stderr.contains("Connection reset by peer");
        }
    }

    private Curl() {
    }

    /** GETs {@code url} from inside {@code netns}; {@code options} go before the URL. */
    public static Result get(Netns netns, String url, String... options) {
        List<String> argv = new ArrayList<>(List.of("curl", "-q", "--silent", "--show-error",
                "--noproxy", "*", "--max-time", String.valueOf(MAX_SECONDS),
                "--write-out", "%{stderr}\n" + REPORT + "%{local_ip} port=%{local_port}"
                        + " code=%{http_code}\n"));
        argv.addAll(List.of(options));
        argv.add(url);

        Command.Result run = Command.run(Duration.ofSeconds(MAX_SECONDS + 10),
                netns.command(argv));
        return parse(run);
    }

    /**
     * Runs one curl process that fetches every URL in {@code urls} in turn, each on a new
     * connection, and returns its result; the body is all bodies concatenated.
     */
    public static Command.Result getEach(Netns netns, List<String> urls, Duration limit) {
        List<String> argv = new ArrayList<>(List.of("curl", "-q", "--silent", "--show-error",
                "--noproxy", "*", "--max-time", "10", "-H", "Connection: close"));
        argv.addAll(urls);
        return Command.run(limit, netns.command(argv));
    }

    private static Result parse(Command.Result run) {
        Matcher report = REPORT_LINE.matcher(run.err());
        if (!report.find()) {
            return new Result(run.exit(), run.out(), "", 0, 0, run.err());
        }
        String stderr = run.err().substring(0, report.start()).strip();
        return new Result(run.exit(), run.out(), report.group(1), parseInt(report.group(2)),
                parseInt(report.group(3)), stderr);
    }

    private static int parseInt(String digits) {
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
