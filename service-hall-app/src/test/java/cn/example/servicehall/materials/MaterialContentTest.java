package cn.example.servicehall.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import cn.example.servicehall.platform.web.ProblemException;

/** What a file is, by its content; the name it is shown and saved under. */
class MaterialContentTest {

	private static final MaterialsSettings SETTINGS = new MaterialsSettings(DataSize.ofMegabytes(10), 50, 600, 400,
			50_000_000);

	@Test
	void refusesAnImageWithTooManyPixelsFromItsHeaderBeforeDecodingIt() throws IOException {
		// a PNG that says it is 60,000 × 60,000 pixels (14 GB decoded) in a few dozen bytes
		byte[] bomb = pngHeader(60_000, 60_000);

		assertThatThrownBy(() -> MaterialContent.inspect(bomb, SETTINGS)).isInstanceOfSatisfying(ProblemException.class,
				ex -> {
					assertThat(ex.getBody().getType()).hasToString("/problems/material-too-large");
					assertThat(ex.getBody().getDetail()).contains("60000 × 60000");
				});
	}

	@Test
	void takesAPdfThatOpensWithoutAPasswordThoughItsOwnerRestrictedIt() throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.protect(new StandardProtectionPolicy("owner-secret", "", new AccessPermission()));
			document.save(out);

			MaterialContent.Inspected inspected = MaterialContent.inspect(out.toByteArray(), SETTINGS);

			assertThat(inspected.kind()).isEqualTo(MaterialContent.Kind.PDF);
			assertThat(inspected.pages()).isEqualTo(1);
		}
	}

	@Test
	void saysWhatARefusedFileLooksLike() {
		assertThat(MaterialContent.looksLike(ascii("\u00ef\u00bb\u00bf  <svg xmlns=\"http://www.w3.org/2000/svg\">")))
			.contains("SVG");
		assertThat(MaterialContent.looksLike(ascii("GIF89a...."))).contains("GIF");
		assertThat(MaterialContent.looksLike(ascii("#!/bin/sh\nrm -rf /"))).contains("可执行程序");
		assertThat(MaterialContent.looksLike(ascii("Rar!\u001a\u0007"))).contains("压缩包");
		assertThat(MaterialContent.looksLike(ascii("hello"))).contains("无法识别");
	}

	@Test
	void showsAFileNameWithoutFoldersControlsBidiOverridesOrMarkup() {
		assertThat(MaterialContent.displayName("C:\\Users\\张伟\\Desktop\\身份证.jpg", "x")).isEqualTo("身份证.jpg");
		assertThat(MaterialContent.displayName("../../etc/passwd", "x")).isEqualTo("passwd");
		assertThat(MaterialContent.displayName("发票\u202Efdp.exe", "x")).isEqualTo("发票fdp.exe");
		assertThat(MaterialContent.displayName("<img src=x onerror=alert(1)>.png", "x"))
			.isEqualTo("img src=x onerror=alert(1).png");
		assertThat(MaterialContent.displayName("a\u0000b\r\n.pdf", "x")).isEqualTo("ab.pdf");
		assertThat(MaterialContent.displayName("...", "借款人居民身份证.pdf")).isEqualTo("借款人居民身份证.pdf");
		assertThat(MaterialContent.displayName(null, "材料.png")).isEqualTo("材料.png");
		assertThat(MaterialContent.displayName("长".repeat(300) + ".pdf", "x")).hasSize(100);
	}

	@Test
	void savesADownloadUnderTheExtensionOfWhatItReallyIs() {
		assertThat(MaterialContent.downloadName("收入证明.PDF", MaterialContent.Kind.PDF)).isEqualTo("收入证明.PDF");
		assertThat(MaterialContent.downloadName("照片.jpeg", MaterialContent.Kind.JPEG)).isEqualTo("照片.jpeg");
		assertThat(MaterialContent.downloadName("照片.png", MaterialContent.Kind.JPEG)).isEqualTo("照片.png.jpg");
		assertThat(MaterialContent.downloadName("run.exe", MaterialContent.Kind.PDF)).isEqualTo("run.exe.pdf");
		assertThat(Materials.rfc5987("合同 1.pdf")).isEqualTo("%E5%90%88%E5%90%8C%201.pdf");
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] pngHeader(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DataOutputStream data = new DataOutputStream(out);
		data.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a });
		ByteArrayOutputStream chunk = new ByteArrayOutputStream();
		DataOutputStream ihdr = new DataOutputStream(chunk);
		ihdr.writeBytes("IHDR");
		ihdr.writeInt(width);
		ihdr.writeInt(height);
		ihdr.write(new byte[] { 8, 2, 0, 0, 0 });
		byte[] body = chunk.toByteArray();
		data.writeInt(13);
		data.write(body);
		CRC32 crc = new CRC32();
		crc.update(body);
		data.writeInt((int) crc.getValue());
		return out.toByteArray();
	}

}
