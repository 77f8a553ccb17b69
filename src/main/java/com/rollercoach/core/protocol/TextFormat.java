package com.rollercoach.core.protocol;

import java.util.List;

/**
 * A line-oriented text wire format that {@link AutoDetectingDecoder} can pick after sniffing the
 * first lines of a stream (Arduino CSV, Serial Plotter {@code label:value}, x-IMU3 ASCII …).
 * Implementations are stateless factories; the decoder they make holds the stream's state.
 */
public interface TextFormat {
  /** Short name, also the chosen decoder's {@link StreamDecoder#formatName()}. */
  String name();

  /**
   * How surely these lines come from this format: 0 = not this format, 1 = certain (e.g. a header
   * line only this format writes). The first line may be a fragment when the port was opened
   * mid-line, so judge by the majority.
   *
   * @param lines the first complete lines of the stream, without line terminators, at least {@link
   *     AutoDetectingDecoder#MIN_TEXT_LINES}
   */
  double match(List<String> lines);

  /** A fresh decoder for one stream; it is then fed the stream from its first byte. */
  StreamDecoder newDecoder(DecoderListener listener);
}
