package dev.custodian.crm.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal SMTP server on a free loopback port for {@code consent-race}: it accepts every mail
 * (no TLS, no authentication, as {@code CRM_SMTP_SECURITY=none} speaks) and keeps each one's
 * recipient and subject in arrival order, so the race can tell which mails it had accepted when an
 * answer arrived. Nothing is written anywhere; the mails are dropped with the server.
 */
final class LoopbackSmtp implements AutoCloseable {

  /** A mail as it arrived: its envelope recipient, its {@code Subject} header and its whole text. */
  record Received(String to, String subject, String text) {}

  private final ServerSocket socket;
  private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "race-smtp");
    t.setDaemon(true);
    return t;
  });
  private final List<Received> received = new ArrayList<>();

  private LoopbackSmtp(ServerSocket socket) {
    this.socket = socket;
  }

  static LoopbackSmtp start() throws IOException {
    LoopbackSmtp smtp = new LoopbackSmtp(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    smtp.sessions.execute(smtp::acceptLoop);
    return smtp;
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Every mail accepted so far, in arrival order. */
  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** How many mails with {@code subject} were accepted for {@code to} so far. */
  synchronized long count(String to, String subject) {
    return received.stream().filter(r -> r.to().equalsIgnoreCase(to) && r.subject().equals(subject)).count();
  }

  /** How many mails with {@code subject} were accepted so far. */
  synchronized long count(String subject) {
    return received.stream().filter(r -> r.subject().equals(subject)).count();
  }

  private synchronized void accepted(List<String> recipients, String subject, String text) {
    recipients.forEach(to -> received.add(new Received(to, subject, text)));
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        sessions.execute(() -> session(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void session(Socket client) {
    try (client;
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
      reply(out, "220 localhost ESMTP consent-race");
      List<String> recipients = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO", "HELO" -> reply(out, "250 localhost");
          case "MAIL" -> {
            recipients.clear();
            reply(out, "250 OK");
          }
          case "RCPT" -> {
            int open = line.indexOf('<');
            int close = line.indexOf('>');
            recipients.add(open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(8).strip());
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            String subject = "";
            boolean headers = true;
            StringBuilder text = new StringBuilder();
            String data;
            while ((data = in.readLine()) != null && !data.equals(".")) {
              text.append(data.startsWith(".") ? data.substring(1) : data).append("\r\n");
              if (data.isEmpty()) {
                headers = false;
              } else if (headers && data.regionMatches(true, 0, "Subject:", 0, 8)) {
                subject = data.substring(8).strip();
              }
            }
            accepted(recipients, subject, text.toString());
            recipients.clear();
            reply(out, "250 OK");
          }
          case "RSET" -> {
            recipients.clear();
            reply(out, "250 OK");
          }
          case "NOOP" -> reply(out, "250 OK");
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "502 Command not implemented");
        }
      }
    } catch (SocketException e) {
      // the client went away
    } catch (IOException e) {
      // a broken session: the client sees it
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    sessions.shutdownNow();
  }
}
