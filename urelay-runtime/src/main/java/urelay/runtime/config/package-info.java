// SPDX-License-Identifier: Apache-2.0
/**
 * Reads the YAML config, checks every part of it and builds the plans the engine runs. A bad
 * config is reported as a list of problems, one line each, naming file, line, column, YAML
 * path, the problem and what is allowed; nothing starts unless the whole config is valid.
 */
package urelay.runtime.config;
