package org.laymanlabs.backend.kubeapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The API server's serving certificate, as kubeadm makes apiserver.crt: the TLS that kubectl needs
 * before it sends a bearer token at all (client-go's clientcmd adds credentials only for https
 * servers). Kept in a PKCS#12 key store so that learners' kubeconfigs stay valid across restarts;
 * made once, self-signed, with the JDK's keytool, for the host names the learners reach; an
 * operator may put a key store of their own there instead.
 */
public final class ServingCertificate {

    static final String ALIAS = "kube-apiserver";

    private final SSLContext context;
    private final String pem;

    private ServingCertificate(SSLContext context, String pem) {
        this.context = context;
        this.pem = pem;
    }

    /** Loads the key store, making it first when there is none. */
    public static ServingCertificate loadOrCreate(Path keyStore, String password, List<String> hosts) throws IOException {
        if (!Files.exists(keyStore)) {
            create(keyStore, password, hosts);
        }
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            String alias = store.isKeyEntry(ALIAS) ? ALIAS : store.aliases().nextElement();
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new ServingCertificate(context, pem(store.getCertificate(alias)));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the Kubernetes API's key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path keyStore, String password, List<String> hosts) throws IOException {
        Files.createDirectories(keyStore.toAbsolutePath().getParent());
        List<String> names = new ArrayList<>();
        for (String host : hosts) {
            names.add((host.matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + host);
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=kube-apiserver", "-validity", "3650",
                "-ext", "san=" + String.join(",", names), "-ext", "eku=serverAuth", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password)
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool could not make the Kubernetes API's certificate: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the Kubernetes API's certificate", e);
        }
    }

    private static String pem(Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    public SSLContext context() {
        return context;
    }

    /** The certificate as PEM: a kubeconfig's certificate-authority-data, base64 of this. */
    public String pem() {
        return pem;
    }
}
