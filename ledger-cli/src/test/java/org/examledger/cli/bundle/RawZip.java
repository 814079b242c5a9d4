package org.examledger.cli.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A minimal zip writer (APPNOTE.TXT 4.3: local headers, stored data, central directory, end record)
 * for the inputs {@link java.util.zip.ZipOutputStream} refuses to write: the same name twice, any
 * name, and a declared size that lies.
 */
final class RawZip {

  /** One stored entry; {@code declaredSize} is written as its sizes, -1 for the real length. */
  record Entry(String name, byte[] data, long declaredSize) {
    Entry(String name, byte[] data) {
      this(name, data, -1);
    }
  }

  private RawZip() {}

  static byte[] write(List<Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    for (Entry e : entries) {
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      CRC32 crc = new CRC32();
      crc.update(e.data());
      int size = (int) (e.declaredSize() < 0 ? e.data().length : e.declaredSize());
      int offset = out.size();
      ByteBuffer local = le(30 + name.length);
      local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 0);
      local.putShort((short) 0).putShort((short) 0x2821); // time, date: any fixed values
      local.putInt((int) crc.getValue()).putInt(size).putInt(size);
      local.putShort((short) name.length).putShort((short) 0).put(name);
      out.writeBytes(local.array());
      out.writeBytes(e.data());
      ByteBuffer dir = le(46 + name.length);
      dir.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800);
      dir.putShort((short) 0).putShort((short) 0).putShort((short) 0x2821);
      dir.putInt((int) crc.getValue()).putInt(size).putInt(size);
      dir.putShort((short) name.length).putShort((short) 0).putShort((short) 0);
      dir.putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).put(name);
      central.writeBytes(dir.array());
    }
    int centralOffset = out.size();
    out.writeBytes(central.toByteArray());
    ByteBuffer end = le(22);
    end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
    end.putShort((short) entries.size()).putShort((short) entries.size());
    end.putInt(central.size()).putInt(centralOffset).putShort((short) 0);
    out.writeBytes(end.array());
    return out.toByteArray();
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
