package com.rollercoach.core.protocol;

/**
 * Link quality counters.
 *
 * @param goodFrames frames (or text lines) decoded and delivered
 * @param crcFailures frames whose checksum did not match
 * @param resyncs times the decoder skipped bytes to find the next frame start
 * @param lostFrames frames known missing from sequence-number gaps
 * @param bytes bytes fed in total
 */
public record DecoderStats(
    long goodFrames, long crcFailures, long resyncs, long lostFrames, long bytes) {
  public static DecoderStats zero() {
    return new DecoderStats(0, 0, 0, 0, 0);
  }
}
