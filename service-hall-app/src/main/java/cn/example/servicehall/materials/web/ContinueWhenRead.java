package cn.example.servicehall.materials.web;

import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A client that asks before sending a large body ({@code Expect: 100-continue}, as curl does for uploads over 1 MB)
 * is told to go on only when the hall starts reading it, so that an upload refused from its headers alone (too large,
 * a case one may not see, a material not on the checklist) is answered without the body ever being sent. Tomcat's
 * default answers "100 Continue" at once.
 */
@Component
class ContinueWhenRead implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addConnectorCustomizers(connector -> {
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setContinueResponseTiming("onRead");
			}
		});
	}

}
