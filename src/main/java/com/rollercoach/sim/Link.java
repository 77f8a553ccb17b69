package com.rollercoach.sim;

/**
 * How samples travel from the sensor to the recording, and what that does to them.
 *
 * @param jitterS standard deviation of the timestamp jitter (samples stamped late by interrupt
 *     latency or radio scheduling)
 * @param dropProbability chance that a single sample is lost
 * @param gapsPerMinute rate of longer outages (Bluetooth link-layer retransmission stalls, buffer
 *     overruns), each 0.1–1 s long
 */
public record Link(String name, double jitterS, double dropProbability, double gapsPerMinute) {
  /** A USB serial cable: sub-millisecond jitter, a lost sample now and then. */
  public static final Link USB = new Link("usb", 0.0002, 0.0005, 0);

  /** Bluetooth serial (SPP or BLE notifications): ms jitter, 1 % drops, a stall every minute or two. */
  public static final Link BLUETOOTH = new Link("bluetooth", 0.003, 0.01, 0.6);

  /** An on-board logger writing to an SD card: clean timing, nothing lost. */
  public static final Link LOGGER = new Link("logger", 0, 0, 0);
}
