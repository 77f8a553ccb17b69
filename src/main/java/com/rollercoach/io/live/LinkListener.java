package com.rollercoach.io.live;

/**
 * What a live byte source (a serial port, or a recording being replayed) reports, on its one reading
 * thread, in order. Host times are seconds on the session's monotonic clock (see {@link HostClock}).
 */
public interface LinkListener {
  /** {@code len} bytes arrived; {@code buf} is reused by the caller after this returns. */
  void bytes(byte[] buf, int off, int len, double hostTimeS);

  /** The link is open (first connect or a reconnect); {@code detail} names what was opened. */
  default void linkUp(double hostTimeS, String detail) {}

  /** The link was lost; bytes may come again after a {@link #linkUp}. */
  default void linkDown(double hostTimeS, String reason) {}
}
