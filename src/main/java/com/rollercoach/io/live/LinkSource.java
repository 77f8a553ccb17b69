package com.rollercoach.io.live;

import java.io.Closeable;
import java.io.IOException;

/**
 * A live byte link to a roller (a serial port, a Bluetooth LE device): it delivers bytes and link
 * changes to a {@link LinkListener} on a thread of its own, reconnects by itself after a drop, and
 * takes commands for the device. Whoever drives a live session needs only this, so a new kind of
 * link is one more implementation, not another copy of the session wiring.
 */
public interface LinkSource extends Closeable {
  /** Opens the link on the caller's thread (failing with a one-line message) and starts delivering. */
  void start() throws IOException;

  /** Writes a command to the device; false when it was dropped (link down). */
  boolean send(byte[] bytes);

  boolean isConnected();

  /** Times the link was re-established after a drop. */
  int reconnects();

  /** Stops delivering and waits for the delivering thread; never throws. */
  @Override
  void close();
}
