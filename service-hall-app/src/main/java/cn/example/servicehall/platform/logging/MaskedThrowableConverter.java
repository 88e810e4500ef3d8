package cn.example.servicehall.platform.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import cn.example.servicehall.platform.PersonalNumbers;

/** {@code %wEx} in the hall's log pattern: stack traces as Spring Boot writes them, their messages masked. */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy proxy) {
		return PersonalNumbers.mask(super.throwableProxyToString(proxy));
	}

}
