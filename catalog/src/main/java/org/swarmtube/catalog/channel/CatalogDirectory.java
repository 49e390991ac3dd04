package org.swarmtube.catalog.channel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A catalog's files in a directory: the publisher writes a version there before making the
 * catalog torrent, and a subscriber reads the version its torrent client has downloaded there.
 */
public final class CatalogDirectory {
    private CatalogDirectory() {
    }

    /**
     * Reads and verifies the catalog in {@code directory}. Only the layout's names are looked at
     * (other files, such as a torrent client's part files, are ignored); symbolic links are refused
     * and every size is checked before a file is read.
     *
     * @throws CatalogException if the files are refused (see {@link CatalogLayout#fromFiles})
     * @throws IOException      if the directory cannot be read
     */
    public static SignedCatalog read(Path directory, byte[] channelKey) throws CatalogException, IOException {
        Map<String, byte[]> files = new TreeMap<>();
        long[] total = {0};
        readInto(files, directory, CatalogLayout.HEAD, total);
        readInto(files, directory, CatalogLayout.PROFILE, total);
        Path packs = directory.resolve(FileNames.PACK_DIRECTORY);
        if (Files.isDirectory(packs, LinkOption.NOFOLLOW_LINKS)) {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(packs)) {
                for (Path entry : entries) {
                    String name = FileNames.PACK_DIRECTORY + "/" + entry.getFileName();
                    if (FileNames.packIndex(name) < 0) continue;
                    names.add(name);
                    if (names.size() > CatalogLimits.MAX_PACKS) {
                        throw new CatalogException("the catalog directory holds more than " + CatalogLimits.MAX_PACKS
                                + " packs");
                    }
                }
            }
            for (String name : names) readInto(files, directory, name, total);
        }
        return CatalogLayout.fromFiles(files, channelKey);
    }

    /**
     * Writes a catalog's files into {@code directory}, skipping files that already hold the same
     * bytes (so unchanged files keep their identity on disk) and replacing the others atomically.
     *
     * @return the names written, sorted
     */
    public static List<String> write(SignedCatalog catalog, Path directory) throws IOException {
        List<String> written = new ArrayList<>();
        Path root = directory.toAbsolutePath().normalize();
        for (Map.Entry<String, byte[]> file : CatalogLayout.toFiles(catalog).entrySet()) {
            Path target = root.resolve(file.getKey()).normalize();
            if (!target.startsWith(root)) throw new IllegalStateException("layout name escapes: " + file.getKey());
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(target) == file.getValue().length
                    && Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".catalog-", ".tmp");
            try {
                Files.write(temp, file.getValue());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            written.add(file.getKey());
        }
        return written;
    }

    private static void readInto(Map<String, byte[]> files, Path directory, String name, long[] total)
            throws CatalogException, IOException {
        Path path = directory.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // CatalogLayout names what is missing, if it is needed
        }
        if (!attributes.isRegularFile()) {
            throw new CatalogException(name + " in the catalog directory is not a regular file (links are refused)");
        }
        if (attributes.size() > FileNames.maxBytes(name)) {
            throw new CatalogException(name + " is " + attributes.size() + " bytes, over the limit of "
                    + FileNames.maxBytes(name));
        }
        total[0] += attributes.size();
        if (total[0] > CatalogLimits.MAX_TOTAL_BYTES) {
            throw new CatalogException("the catalog is over the limit of " + CatalogLimits.MAX_TOTAL_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length > FileNames.maxBytes(name)) {
            throw new CatalogException(name + " grew over its limit while being read");
        }
        files.put(name, bytes);
    }
}
