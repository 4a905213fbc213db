import { attachmentDisposition, downloadHeaders, servedContentType } from './served-file-headers';

describe('servedContentType', () => {
  it.each([
    ['image/png', 'image/png'],
    ['IMAGE/JPEG; foo=bar', 'image/jpeg'],
    ['application/pdf', 'application/pdf'],
    ['text/plain; charset=utf-7', 'text/plain; charset=utf-8'],
    ['text/html', 'application/octet-stream'],
    ['text/html; charset=utf-8', 'application/octet-stream'],
    ['image/svg+xml', 'application/octet-stream'],
    ['application/xhtml+xml', 'application/octet-stream'],
    ['text/xml', 'application/octet-stream'],
    ['application/javascript', 'application/octet-stream'],
    ['image/png\r\nSet-Cookie: a=b', 'application/octet-stream'],
    ['', 'application/octet-stream'],
    [undefined, 'application/octet-stream'],
  ])('serves %j as %s', (uploaded, served) => {
    expect(servedContentType(uploaded)).toBe(served);
  });
});

describe('attachmentDisposition', () => {
  it('quotes a plain ASCII name as is', () => {
    expect(attachmentDisposition('quote 2024.pdf')).toBe('attachment; filename="quote 2024.pdf"');
  });

  it('adds filename* for a name a quoted string cannot carry', () => {
    expect(attachmentDisposition('tilbud æøå.pdf')).toBe(
      'attachment; filename="tilbud ___.pdf"; filename*=UTF-8\'\'tilbud%20%C3%A6%C3%B8%C3%A5.pdf',
    );
    expect(attachmentDisposition('a"b\\c\r\n.txt')).toBe(
      'attachment; filename="a_b_c__.txt"; filename*=UTF-8\'\'a%22b%5Cc%0D%0A.txt',
    );
    expect(attachmentDisposition("it's (1).txt")).toBe('attachment; filename="it\'s (1).txt"');
  });
});

describe('downloadHeaders', () => {
  it('always sandboxes and forbids sniffing', () => {
    const headers = downloadHeaders({ contentType: 'text/html', size: 3, filename: 'x.html' });
    expect(headers).toMatchObject({
      'Content-Type': 'application/octet-stream',
      'Content-Security-Policy': expect.stringMatching(/^sandbox(;|$)/),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'attachment; filename="x.html"',
    });
  });
});
