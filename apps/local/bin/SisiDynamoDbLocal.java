import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local bound to one address (the system property {@code sisi.host}, by default
 * 127.0.0.1) instead of every interface, which is all its own command line offers. It has no
 * authentication: whoever reaches its port reads and writes every table.
 *
 * <p>Takes DynamoDB Local's own arguments ({@code -port}, {@code -dbPath}, ...). It builds the
 * server exactly as DynamoDB Local's main does, sets the host on its Jetty connector, and
 * starts it. When that cannot be done (a DynamoDB Local whose insides changed) it fails rather
 * than listen everywhere. Compiled once by apps/local/src/dynamodb-local.ts (ADR 0018).
 */
public final class SisiDynamoDbLocal {
  private SisiDynamoDbLocal() {}

  public static void main(String[] args) throws Exception {
    String host = System.getProperty("sisi.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) {
      throw new IllegalStateException("DynamoDB Local has no connector to bind to " + host);
    }
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        throw new IllegalStateException("cannot bind " + connector + " to " + host);
      }
      ((ServerConnector) connector).setHost(host);
    }
    proxy.start();
  }
}
