package com.rollercoach.core.protocol;

import com.rollercoach.core.sample.ImuSample;
import java.util.ArrayList;
import java.util.List;

/** Collects everything a decoder reports, for assertions. */
public final class RecordingListener implements DecoderListener {
  public final List<ImuSample> samples = new ArrayList<>();
  public final List<DeviceInfo> infos = new ArrayList<>();
  public final List<DeviceStatus> statuses = new ArrayList<>();
  public final List<double[]> losses = new ArrayList<>(); // {count, fromS, toS}

  @Override
  public void sample(ImuSample sample) {
    samples.add(sample);
  }

  @Override
  public void deviceInfo(DeviceInfo info) {
    infos.add(info);
  }

  @Override
  public void status(DeviceStatus status) {
    statuses.add(status);
  }

  @Override
  public void framesLost(long count, double fromS, double toS) {
    losses.add(new double[] {count, fromS, toS});
  }

  public ImuSample last() {
    return samples.get(samples.size() - 1);
  }

  long lostTotal() {
    return losses.stream().mapToLong(l -> (long) l[0]).sum();
  }
}
