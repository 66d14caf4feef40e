//! The QR code of a new MFA secret, as Mattermost draws it (`rsc/qr`): error correction level
//! H, 8 pixels a module, a quiet zone of 4 modules, a 1-bit grayscale PNG. The `qrcode` crate
//! makes the module matrix, the `png` crate writes the image: no image-processing stack.

use qrcode::{Color, EcLevel, QrCode};

/// Pixels per module.
const SCALE: usize = 8;
/// Light modules around the code, each side (the QR standard's quiet zone).
const QUIET_ZONE: usize = 4;

/// The PNG of the QR code of `text`.
pub fn png(text: &str) -> Result<Vec<u8>, String> {
    let code = QrCode::with_error_correction_level(text, EcLevel::H).map_err(|e| format!("QR code: {e}"))?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET_ZONE) * SCALE;
    let dark = |x: usize, y: usize| {
        let (mx, my) = ((x / SCALE).checked_sub(QUIET_ZONE), (y / SCALE).checked_sub(QUIET_ZONE));
        matches!((mx, my), (Some(mx), Some(my)) if mx < modules && my < modules && colors[my * modules + mx] == Color::Dark)
    };
    // One bit a pixel, most significant first, 1 = white; each row padded to whole bytes.
    let row_bytes = side.div_ceil(8);
    let mut pixels = vec![0u8; row_bytes * side];
    for y in 0..side {
        for x in 0..side {
            if !dark(x, y) {
                pixels[y * row_bytes + x / 8] |= 0x80 >> (x % 8);
            }
        }
    }
    let side = u32::try_from(side).map_err(|_| "QR code too large".to_string())?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    let mut writer = encoder.write_header().map_err(|e| format!("PNG: {e}"))?;
    writer.write_image_data(&pixels).map_err(|e| format!("PNG: {e}"))?;
    writer.finish().map_err(|e| format!("PNG: {e}"))?;
    Ok(out)
}
