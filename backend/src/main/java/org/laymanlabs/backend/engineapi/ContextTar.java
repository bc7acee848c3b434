package org.laymanlabs.backend.engineapi;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.laymanlabs.sandbox.image.build.BuildContext;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.vfs.FileSystemException;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * The build context as {@code POST /build} receives it: a tar stream (gzip-compressed with
 * {@code docker build --compress}), unpacked into a scratch file system with its modes, then read
 * as the daemon reads a context (moby builder/remotecontext/tarsum.go). It is held to the
 * workspace's size limits, so a huge context is refused rather than filling the server's memory.
 */
final class ContextTar {

    private static final String ROOT = "/context";

    private ContextTar() {
    }

    static BuildContext read(InputStream body, String dockerfile) throws IOException {
        Workspace files = new Workspace();
        files.mkdir(ROOT, true);
        InputStream in = new BufferedInputStream(body);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(gzip ? new GZIPInputStream(in) : in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                unpack(files, tar, entry);
            }
        } catch (FileSystemException e) {
            throw ApiException.badRequest("the build context is too large for the sandbox (" + e.getMessage()
                    + "); leave big files out with a .dockerignore");
        }
        return BuildContext.read(files, ROOT, dockerfile);
    }

    private static void unpack(Workspace files, TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
        String path = FileSystem.resolve(ROOT, "/", entry.getName());
        if (!path.startsWith(ROOT + "/")) {
            return;
        }
        if (entry.isDirectory()) {
            files.mkdir(path, true);
        } else if (entry.isFile()) {
            files.mkdir(path.substring(0, path.lastIndexOf('/')), true);
            files.write(path, new String(tar.readNBytes(Workspace.MAX_FILE_BYTES + 1), StandardCharsets.UTF_8));
        } else {
            return;
        }
        files.chmod(path, entry.getMode() & 07777);
    }
}
