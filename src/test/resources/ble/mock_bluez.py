#!/usr/bin/python3
"""A mock BlueZ for tests: on a private D-Bus, it plays a BLE roller (Nordic UART Service) that
streams a recorded byte stream as GATT notifications, the way a real link does it.

    mock_bluez.py --bus ADDRESS --stream FRAMES.bin --log LOG [--stall-at N] [--disconnect-at N] ...

* Objects: adapter /org/bluez/hci0; the roller "RollerCoach-BLE" (NUS) with its TX (notify) and RX
  (write) characteristics; an HM-10 style module (FFE0) and a heart-rate strap (no serial service),
  so listing and filtering are exercised too. ObjectManager at /, Properties on every object.
* Streaming: once the host subscribed to TX (StartNotify) and, with --need-start, wrote a
  START_STREAMING command to RX, every --interval-ms (one connection interval) a burst of 1-6
  notifications of 1-244 bytes goes out; chunk sizes cycle through an irregular list, so frames are
  split at every possible place.
* --stall-at N: at byte N (mid-frame) the device goes silent but stays connected: only the host's
  keep-alive can notice. When the host disconnects, the rest of that frame and --drop-frames more
  are dropped (a device streams on into the void).
* --disconnect-at N: at byte N the device reports Connected=false (supervision timeout), dropping
  likewise. --fail-connects K: the first K reconnect attempts after an outage fail.
* --service ffe0: the roller is an HM-10 style module (one FFE1 characteristic notifies and takes
  writes). --adapter off|none: the adapter is switched off, or there is none.
* The log says what was dropped ("drop START END", byte offsets), written ("write HEX"), connected.
Frames are found by our protocol's header (A5 5A len type seq16 payload crc16).
"""
import argparse
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

PROPS = 'org.freedesktop.DBus.Properties'
OM = 'org.freedesktop.DBus.ObjectManager'
ADAPTER = 'org.bluez.Adapter1'
DEVICE = 'org.bluez.Device1'
SERVICE = 'org.bluez.GattService1'
CHAR = 'org.bluez.GattCharacteristic1'
NUS = '6e400001-b5a3-f393-e0a9-e50e24dcca9e'
NUS_TX = '6e400003-b5a3-f393-e0a9-e50e24dcca9e'
NUS_RX = '6e400002-b5a3-f393-e0a9-e50e24dcca9e'
FFE0 = '0000ffe0-0000-1000-8000-00805f9b34fb'
FFE1 = '0000ffe1-0000-1000-8000-00805f9b34fb'
CHUNKS = [20, 244, 1, 57, 182, 100, 3, 244, 20, 131, 7, 64, 244, 19, 200, 2, 88]
BURSTS = [1, 4, 2, 6, 3, 1, 5]
START_STREAMING = 0x01  # COMMAND payload[0] (PROTOCOL.md section 4.4)


class Obj(dbus.service.Object):
    def __init__(self, bus, path, iface, props):
        super().__init__(bus, path)
        self.path, self.iface, self.props = path, iface, props

    @dbus.service.method(PROPS, in_signature='ss', out_signature='v')
    def Get(self, iface, name):
        return self.props[name]

    @dbus.service.method(PROPS, in_signature='s', out_signature='a{sv}')
    def GetAll(self, iface):
        return self.props

    @dbus.service.signal(PROPS, signature='sa{sv}as')
    def PropertiesChanged(self, iface, changed, invalidated):
        pass

    def set(self, **kw):
        self.props.update(kw)
        self.PropertiesChanged(self.iface, kw, [])


class Root(dbus.service.Object):
    def __init__(self, bus, objects):
        super().__init__(bus, '/')
        self.objects = objects

    @dbus.service.method(OM, out_signature='a{oa{sa{sv}}}')
    def GetManagedObjects(self):
        return {o.path: {o.iface: o.props} for o in self.objects}


class Adapter(Obj):
    @dbus.service.method(ADAPTER)
    def StartDiscovery(self):
        self.set(Discovering=True)

    @dbus.service.method(ADAPTER)
    def StopDiscovery(self):
        self.set(Discovering=False)

    @dbus.service.method(ADAPTER, in_signature='a{sv}')
    def SetDiscoveryFilter(self, f):
        pass


class Device(Obj):
    roller = None

    @dbus.service.method(DEVICE)
    def Connect(self):
        if self.roller:
            self.roller.connect()
        else:
            self.set(Connected=True, ServicesResolved=True)

    @dbus.service.method(DEVICE)
    def Disconnect(self):
        if self.roller:
            self.roller.host_disconnect()
        else:
            self.set(Connected=False, ServicesResolved=False)


class Char(Obj):
    roller = None

    @dbus.service.method(CHAR)
    def StartNotify(self):
        self.set(Notifying=True)
        self.roller.subscribed()

    @dbus.service.method(CHAR)
    def StopNotify(self):
        self.set(Notifying=False)

    @dbus.service.method(CHAR, in_signature='aya{sv}')
    def WriteValue(self, value, options):
        self.roller.written(bytes(value))

    @dbus.service.method(CHAR, in_signature='a{sv}', out_signature='ay')
    def ReadValue(self, options):
        return dbus.ByteArray(b'')


def frame_ends(stream):
    """Byte offsets where each frame ends (the stream is clean: frames back to back)."""
    ends, i = [], 0
    while i + 8 <= len(stream):
        if stream[i] != 0xA5 or stream[i + 1] != 0x5A:
            sys.exit('stream is not back-to-back frames at byte %d' % i)
        i += 8 + stream[i + 2]
        ends.append(i)
    return ends


class Roller:
    def __init__(self, args, device, tx, log):
        self.a, self.dev, self.tx, self.log = args, device, tx, log
        self.stream = open(args.stream, 'rb').read()
        self.ends = frame_ends(self.stream)
        self.pos = 0
        self.chunk = 0
        self.burst = 0
        self.started = not args.need_start
        self.connected = True
        self.stalled = False
        self.outages = [('stall', args.stall_at), ('disconnect', args.disconnect_at)]
        self.outages = sorted([o for o in self.outages if o[1] is not None], key=lambda o: o[1])
        self.fail_connects = 0
        self.timer = None

    def say(self, line):
        self.log.write(line + '\n')
        self.log.flush()

    def connect(self):
        if self.fail_connects > 0:
            self.fail_connects -= 1
            self.say('connect refused')
            raise dbus.exceptions.DBusException('le-connection-abort-by-local', name='org.bluez.Error.Failed')
        self.connected = True
        self.stalled = False
        self.started = not self.a.need_start
        self.dev.set(Connected=True, ServicesResolved=True)
        self.say('connect')

    def subscribed(self):
        self.say('subscribed')
        self.arm()

    def written(self, data):
        self.say('write ' + data.hex())
        # a COMMAND frame (type 0x10) whose command byte is START_STREAMING
        if len(data) >= 7 and data[0] == 0xA5 and data[3] == 0x10 and data[6] == START_STREAMING:
            self.started = True
            self.arm()

    def arm(self):
        if self.timer is None:
            self.timer = GLib.timeout_add(self.a.interval_ms, self.tick)

    def host_disconnect(self):
        if self.connected:
            self.outage('host disconnected')
        self.dev.set(Connected=False, ServicesResolved=False)

    def outage(self, why):
        """The link is gone: the rest of the frame in flight and --drop-frames more are lost."""
        self.connected = False
        self.stalled = False
        self.tx.props['Notifying'] = False
        nxt = next((e for e in self.ends if e > self.pos), len(self.stream))
        k = self.ends.index(nxt) if nxt in self.ends else len(self.ends)
        end = self.ends[min(len(self.ends) - 1, k + self.a.drop_frames)] if self.ends else nxt
        end = max(end, nxt)
        if end > self.pos:
            self.say('drop %d %d' % (self.pos, end))
        self.pos = end
        self.fail_connects = self.a.fail_connects
        self.say('outage ' + why)

    def tick(self):
        if not (self.connected and self.started and self.tx.props['Notifying']) or self.stalled:
            self.timer = None
            return False
        if self.pos >= len(self.stream):
            self.say('done')
            self.timer = None
            return False
        n = BURSTS[self.burst % len(BURSTS)]
        self.burst += 1
        for _ in range(n):
            if self.outages and self.pos >= self.outages[0][1]:
                kind = self.outages.pop(0)[0]
                if kind == 'stall':
                    self.stalled = True
                    self.say('stall %d' % self.pos)
                else:
                    self.outage('device disconnected at %d' % self.pos)
                    self.dev.set(Connected=False, ServicesResolved=False)
                self.timer = None
                return False
            size = CHUNKS[self.chunk % len(CHUNKS)]
            self.chunk += 1
            limit = self.outages[0][1] if self.outages else len(self.stream)
            end = min(self.pos + size, len(self.stream), max(limit, self.pos + 1))
            if end <= self.pos:
                break
            self.tx.set(Value=dbus.ByteArray(self.stream[self.pos:end]))
            self.pos = end
            if self.pos >= len(self.stream):
                break
        return True


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--bus', required=True)
    p.add_argument('--stream', required=True)
    p.add_argument('--log', required=True)
    p.add_argument('--stall-at', type=int)
    p.add_argument('--disconnect-at', type=int)
    p.add_argument('--drop-frames', type=int, default=0)
    p.add_argument('--fail-connects', type=int, default=0)
    p.add_argument('--need-start', action='store_true')
    p.add_argument('--interval-ms', type=int, default=8)
    p.add_argument('--adapter', choices=['on', 'off', 'none'], default='on')
    p.add_argument('--service', choices=['nus', 'ffe0'], default='nus',
                   help='ffe0: the roller is an HM-10 style module, one FFE1 characteristic notifies and takes writes')
    a = p.parse_args()

    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(a.bus)
    name = dbus.service.BusName('org.bluez', bus)  # noqa: F841 (kept alive)
    hci = '/org/bluez/hci0'
    dev_path = hci + '/dev_C0_FF_EE_00_00_01'
    svc_path = dev_path + '/service000a'
    adapter = Adapter(bus, hci, ADAPTER, {'Address': '00:1A:7D:DA:71:13', 'Powered': a.adapter == 'on',
                                          'Discovering': False})
    hm = a.service == 'ffe0'
    roller_name = 'RollerCoach-HM10' if hm else 'RollerCoach-BLE'
    service_uuid = FFE0 if hm else NUS
    device = Device(bus, dev_path, DEVICE, {
        'Address': 'C0:FF:EE:00:00:01', 'Name': roller_name, 'Alias': roller_name,
        'RSSI': dbus.Int16(-58), 'UUIDs': dbus.Array([service_uuid], signature='s'), 'Connected': False,
        'ServicesResolved': False, 'Adapter': dbus.ObjectPath(hci)})
    service = Obj(bus, svc_path, SERVICE, {'UUID': service_uuid, 'Primary': True, 'Device': dbus.ObjectPath(dev_path)})
    if hm:
        tx = Char(bus, svc_path + '/char000b', CHAR, {
            'UUID': FFE1, 'Service': dbus.ObjectPath(svc_path),
            'Flags': dbus.Array(['read', 'write-without-response', 'notify'], signature='s'),
            'Notifying': False, 'Value': dbus.ByteArray(b'')})
        rx = tx
    else:
        tx = Char(bus, svc_path + '/char000b', CHAR, {
            'UUID': NUS_TX, 'Service': dbus.ObjectPath(svc_path), 'Flags': dbus.Array(['notify'], signature='s'),
            'Notifying': False, 'Value': dbus.ByteArray(b'')})
        rx = Char(bus, svc_path + '/char000d', CHAR, {
            'UUID': NUS_RX, 'Service': dbus.ObjectPath(svc_path),
            'Flags': dbus.Array(['write', 'write-without-response'], signature='s')})
    hm10 = Device(bus, hci + '/dev_20_C3_8F_00_00_02', DEVICE, {
        'Address': '20:C3:8F:00:00:02', 'Name': 'HMSoft', 'RSSI': dbus.Int16(-80),
        'UUIDs': dbus.Array(['0000ffe0-0000-1000-8000-00805f9b34fb'], signature='s'), 'Connected': False})
    strap = Device(bus, hci + '/dev_A0_9E_1A_00_00_03', DEVICE, {
        'Address': 'A0:9E:1A:00:00:03', 'Name': 'Polar H10', 'RSSI': dbus.Int16(-50),
        'UUIDs': dbus.Array(['0000180d-0000-1000-8000-00805f9b34fb'], signature='s'), 'Connected': False})
    objects = [device, service, tx] + ([] if rx is tx else [rx]) + [hm10, strap]
    if a.adapter != 'none':
        objects.insert(0, adapter)
    root = Root(bus, objects)  # noqa: F841
    log = open(a.log, 'w')
    roller = Roller(a, device, tx, log)
    device.roller = roller
    tx.roller = roller
    rx.roller = roller
    roller.connected = False
    roller.say('ready %d bytes %d frames' % (len(roller.stream), len(roller.ends)))
    GLib.MainLoop().run()


if __name__ == '__main__':
    main()
