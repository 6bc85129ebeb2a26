// SPDX-License-Identifier: Apache-2.0
/**
 * The urelay runtime: command line, config, plugin discovery, the Linux socket layer
 * (FFM), routing, the relay and the audit log. It exports nothing; plugins see only
 * {@code urelay.spi}.
 */
module urelay.runtime {
    requires urelay.spi;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    // The YAML parser's own error type carries the problem and its place without the
    // multi-line excerpt Jackson's message adds.
    requires org.yaml.snakeyaml;
    requires info.picocli;

    // picocli and Jackson reflect over the command and config classes.
    opens urelay.runtime.cli to info.picocli;
    opens urelay.runtime.config to com.fasterxml.jackson.databind;

    uses urelay.spi.SourceProvider;
    uses urelay.spi.ResolverProvider;
    uses urelay.spi.RewriterProvider;
    uses urelay.spi.SinkProvider;

    provides java.lang.System.LoggerFinder with urelay.runtime.logging.KeyValueLoggerFinder;
}
