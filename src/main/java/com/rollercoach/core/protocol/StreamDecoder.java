package com.rollercoach.core.protocol;

/**
 * Turns the bytes of a serial link (or a recording of one) into samples. Byte-at-a-time safe: a
 * sample split across any number of {@link #feed} calls decodes the same as in one call. Pure: no I/O,
 * no threads, no clocks other than the host receive time it is handed.
 */
public interface StreamDecoder {
  /**
   * Decodes {@code len} bytes, delivering whatever completes to the listener before returning.
   *
   * @param hostTimeS host receive time of these bytes, seconds (monotonic clock), for mapping the
   *     device clock to the host's and for latency
   */
  void feed(byte[] buf, int off, int len, double hostTimeS);

  /**
   * No more bytes will come (end of a recording, port closed for good): decode whatever the bytes
   * held back for an incomplete frame or line still contain. Live reconnects do not call this.
   */
  default void finish() {}

  /** Counters since this decoder was made. */
  DecoderStats stats();

  /** A short name of the wire format for messages and the port picker ("roller-binary/1", "ascii-csv"). */
  String formatName();
}
