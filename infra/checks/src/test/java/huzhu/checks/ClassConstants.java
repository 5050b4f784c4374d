package huzhu.checks;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The UTF-8 constants of a class file's constant pool: every string literal the class uses (and its
 * names and descriptors). Compile-time constants are inlined into the classes that use them, so what a
 * jar's classes hold is what its code can read.
 */
final class ClassConstants {
    private ClassConstants() {
    }

    static List<String> utf8(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());                              // Utf8
                case 3, 4 -> in.skipNBytes(4);                                // Integer, Float
                case 5, 6 -> {                                                // Long, Double: two slots
                    in.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);                    // Class, String, MethodType, Module, Package
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);               // refs, NameAndType, (Invoke)Dynamic
                case 15 -> in.skipNBytes(3);                                  // MethodHandle
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return out;
    }
}
