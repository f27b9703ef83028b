import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/** Writes a PNG of the given size, with alpha unless told opaque: java Blank.java WIDTH HEIGHT OUT.png [opaque] */
public class Blank {

	public static void main(String[] args) throws Exception {
		int width = Integer.parseInt(args[0]);
		int height = Integer.parseInt(args[1]);
		boolean opaque = args.length > 3 && args[3].equals("opaque");
		BufferedImage image = new BufferedImage(width, height,
				opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		var g = image.createGraphics();
		g.setColor(new Color(20, 120, 200, 200));
		g.fillRect(0, 0, width / 2, height / 2);
		g.dispose();
		ImageIO.write(image, "png", new File(args[2]));
	}

}
