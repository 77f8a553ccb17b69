package com.rollercoach.io.live;

import com.rollercoach.core.protocol.AutoDetectingDecoder;
import com.rollercoach.core.protocol.BinaryStreamDecoder;

/** The decoders of the wire formats this program speaks, by name. */
public final class Decoders {
  private Decoders() {}

  /**
   * Our binary protocol by its name; anything else ("auto", a text format's name) is detected from
   * the bytes, which finds the same text format again and keeps older recordings readable.
   */
  public static DecoderFactory standard() {
    return (wireFormat, listener) ->
        BinaryStreamDecoder.FORMAT_NAME.equals(wireFormat)
            ? new BinaryStreamDecoder(listener)
            : AutoDetectingDecoder.withBuiltInFormats(listener);
  }
}
