/**
 * The clocks ({@link app.glide.time.Clocks}): the one place that reads the system time.
 * Infrastructure: depends on no feature package.
 */
package app.glide.time;
