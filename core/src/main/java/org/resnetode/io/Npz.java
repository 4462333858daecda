package org.resnetode.io;

import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Printable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reader of NumPy's {@code .npz} archives (what {@code numpy.savez} writes): a zip file of {@code .npy}
 * entries, one array per name. Entries are read with a size limit, so a corrupt or hostile archive ends in
 * one {@link org.resnetode.checks.BadInputException} naming the file and the entry, never in an out-of-memory error.
 */
public final class Npz {
    /** Largest entry read: 1 GiB of array data. */
    static final long MAX_ENTRY_BYTES = 1L << 30;

    private Npz() {
    }

    /** The arrays of the archive, by name (the entry name without {@code .npy}), in archive order. */
    public static Map<String, NpyArray> read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, file.toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The arrays of an archive read from {@code in}; {@code source} names it in error messages. */
    public static Map<String, NpyArray> read(InputStream in, String source) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = nextEntry(zip, source)) != null) {
                String name = Printable.of(entry.getName(), 80);
                if (entry.isDirectory()) {
                    continue;
                }
                if (!name.endsWith(".npy")) {
                    throw new BadInputException(source + ": entry '" + name + "' is not a .npy array");
                }
                String key = name.substring(0, name.length() - 4);
                if (arrays.containsKey(key)) {
                    throw new BadInputException(source + ": array '" + key + "' appears twice");
                }
                arrays.put(key, Npy.read(readEntry(zip, source + "[" + name + "]"), source + "[" + name + "]"));
            }
        } catch (ZipException e) {
            throw new BadInputException(source + ": not a valid .npz (zip) archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (arrays.isEmpty()) {
            throw new BadInputException(source + ": no arrays (expected a zip of .npy files, as numpy.savez writes)");
        }
        return arrays;
    }

    /** The next entry; a name that is not valid UTF-8 is a malformed archive. */
    private static ZipEntry nextEntry(ZipInputStream zip, String source) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": not a valid .npz (zip) archive (entry name: " + e.getMessage() + ")", e);
        }
    }

    private static byte[] readEntry(ZipInputStream zip, String source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = zip.read(buffer)) > 0) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new BadInputException(source + ": entry larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
