import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useId, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Drawing size in canvas pixels: sharp enough to recognise, small enough as a PNG (tens of KB). */
const WIDTH = 600;
const HEIGHT = 200;

function blank(canvas: HTMLCanvasElement): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
}

/**
 * A signature drawn with a finger, pen or mouse (pointer events, touch included). Each finished
 * stroke hands the whole drawing up as a PNG data URL; "Clear" hands up null. The keyboard cannot
 * draw: the hint points to oral agreement, which the dialog offers beside this pad.
 */
export function SignaturePad({ onChange }: { onChange: (png: string | null) => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  const hintId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ id: number; x: number; y: number } | null>(null);

  useEffect(() => {
    if (canvasRef.current) blank(canvasRef.current);
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) * WIDTH) / rect.width, y: ((e.clientY - rect.top) * HEIGHT) / rect.height };
  };
  const context = () => {
    const ctx = canvasRef.current?.getContext('2d');
    if (ctx) {
      ctx.strokeStyle = '#000000';
      ctx.fillStyle = '#000000';
      ctx.lineWidth = 3;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
    }
    return ctx ?? null;
  };

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e);
    drawing.current = { id: e.pointerId, ...p };
    // A tap leaves a dot (the dot of an i, an initial's full stop).
    const ctx = context();
    ctx?.beginPath();
    ctx?.arc(p.x, p.y, 1.5, 0, Math.PI * 2);
    ctx?.fill();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const from = drawing.current;
    if (!from || from.id !== e.pointerId) return;
    const ctx = context();
    if (!ctx) return;
    // Coalesced events keep a fast stroke smooth where the browser batches them.
    const events = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
    const rect = e.currentTarget.getBoundingClientRect();
    const points = events.length > 0 ? events.map((c) => ({ x: ((c.clientX - rect.left) * WIDTH) / rect.width, y: ((c.clientY - rect.top) * HEIGHT) / rect.height })) : [point(e)];
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    for (const p of points) ctx.lineTo(p.x, p.y);
    ctx.stroke();
    const last = points[points.length - 1]!;
    drawing.current = { id: e.pointerId, ...last };
  };
  const up = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || drawing.current.id !== e.pointerId) return;
    drawing.current = null;
    if (canvasRef.current) onChange(canvasRef.current.toDataURL('image/png'));
  };
  const clear = () => {
    if (canvasRef.current) blank(canvasRef.current);
    onChange(null);
  };

  return (
    <Stack gap={4}>
      <Text id={labelId} fw={500} size="sm">{t('signing.clientDialog.padLabel')}</Text>
      <Text id={hintId} size="sm">{t('signing.clientDialog.padHint')}</Text>
      <canvas
        ref={canvasRef}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={labelId}
        aria-describedby={hintId}
        data-testid="signature-pad"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        style={{ width: '100%', maxWidth: WIDTH, aspectRatio: `${WIDTH} / ${HEIGHT}`, touchAction: 'none', border: '2px solid var(--mantine-color-default-border)', borderRadius: 8, background: '#ffffff', cursor: 'crosshair' }}
      />
      <Group>
        <Button variant="default" size="xs" onClick={clear}>
          {t('signing.clientDialog.clear')}
        </Button>
      </Group>
    </Stack>
  );
}
