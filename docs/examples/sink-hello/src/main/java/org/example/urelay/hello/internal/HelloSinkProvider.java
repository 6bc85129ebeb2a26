// SPDX-License-Identifier: Apache-2.0
package org.example.urelay.hello.internal;

import java.nio.charset.StandardCharsets;
import org.example.urelay.hello.HelloSettings;
import urelay.spi.PluginContext;
import urelay.spi.Sink;
import urelay.spi.SinkProvider;

/**
 * Makes {@code hello} sinks. ServiceLoader creates one instance per run through the public
 * no-argument constructor, even though this package is not exported; urelay then calls
 * {@link #create} once per sink in the config.
 */
public final class HelloSinkProvider implements SinkProvider<HelloSettings> {

    @Override
    public String type() {
        return "hello";
    }

    @Override
    public Class<HelloSettings> configType() {
        return HelloSettings.class;
    }

    @Override
    public String summary() {
        return "answers every connection itself with a fixed greeting";
    }

    /** Only prepares the sink: {@code urelay check} calls this too, so it must not touch the network. */
    @Override
    public Sink create(HelloSettings settings, PluginContext context) {
        return new HelloSink(settings.greeting().getBytes(StandardCharsets.UTF_8));
    }
}
