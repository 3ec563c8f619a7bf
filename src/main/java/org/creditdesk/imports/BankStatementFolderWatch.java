package org.creditdesk.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The optional folder watch: every minute, each regular file in {@code
 * creditdesk.bank-statements.watch-directory} is claimed (moved into {@code processing/}, so two
 * instances never import one file twice), imported as a bank statement by the system user, and moved
 * to {@code processed/}, or to {@code failed/} with a {@code .reason.txt} beside it when the file is
 * refused. A file loaded twice is harmless anyway: known entries count as duplicates.
 */
@Component
class BankStatementFolderWatch {

    private static final Logger log = LoggerFactory.getLogger(BankStatementFolderWatch.class);

    private final BankStatements statements;
    private final BankStatementSettings settings;

    BankStatementFolderWatch(BankStatements statements, BankStatementSettings settings) {
        this.statements = statements;
        this.settings = settings;
    }

    /** What one poll did with each file it found, by file name. */
    record Polled(List<String> processed, List<String> failed) {}

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void scheduled() {
        settings.watched().ifPresent(this::poll);
    }

    Polled poll(Path folder) {
        List<String> processed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            log.warn("Bank statement watch folder {} is not a directory", folder);
            return new Polled(processed, failed);
        }
        for (Path file : files(folder)) {
            Path claimed = claim(file, folder.resolve("processing"));
            if (claimed == null) continue;
            String name = file.getFileName().toString();
            try {
                BankStatementResult result = statements.importStatement(Files.readAllBytes(claimed), Caller.SYSTEM);
                move(claimed, folder.resolve("processed"));
                processed.add(name);
                log.info(
                        "Bank statement {} from the watch folder: {} entries, {} payments, {} unmatched, {} duplicates",
                        name,
                        result.entries(),
                        result.paymentsCreated(),
                        result.unmatched(),
                        result.duplicates());
            } catch (ProblemException e) {
                Path moved = move(claimed, folder.resolve("failed"));
                write(
                        moved.resolveSibling(name + ".reason.txt"),
                        e.getMessage() + "\n"
                                + e.violations().stream()
                                        .map(v -> "%s %s: %s"
                                                .formatted(
                                                        v.line() == null ? "" : "line " + v.line(),
                                                        v.field() == null ? "" : v.field(),
                                                        v.message()))
                                        .collect(Collectors.joining("\n")));
                failed.add(name);
                log.warn("Bank statement {} from the watch folder was refused: {}", name, e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("Reading " + claimed + " failed", e);
            }
        }
        return new Polled(processed, failed);
    }

    private static List<Path> files(Path folder) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Listing " + folder + " failed", e);
        }
        files.sort(null);
        return files;
    }

    /** Moves the file into {@code into} atomically; null when another instance took it first. */
    private static @Nullable Path claim(Path file, Path into) {
        try {
            Files.createDirectories(into);
            return Files.move(file, into.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return null;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("The watch folder must allow atomic moves: " + into, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Claiming " + file + " failed", e);
        }
    }

    private static Path move(Path file, Path into) {
        try {
            Files.createDirectories(into);
            return Files.move(file, into.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Moving " + file + " failed", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + file + " failed", e);
        }
    }
}
