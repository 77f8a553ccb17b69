package com.rollercoach.io.live;

import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.StreamDecoder;

/** Makes a decoder for a wire format name ({@link StreamDecoder#formatName()}, or "auto"). */
@FunctionalInterface
public interface DecoderFactory {
  StreamDecoder create(String wireFormat, DecoderListener listener);
}
