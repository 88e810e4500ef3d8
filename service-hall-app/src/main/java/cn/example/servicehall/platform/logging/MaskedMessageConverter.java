package cn.example.servicehall.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import cn.example.servicehall.platform.PersonalNumbers;

/** {@code %m} in the hall's log pattern: the message with resident ID and bank card numbers masked. */
public class MaskedMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return PersonalNumbers.mask(super.convert(event));
	}

}
