package org.coro4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link StreamOptions}: asyncio's defaults, copies on each setter, and checked arguments. */
class StreamOptionsTest {

    @Test
    void theDefaultsAreAsyncios() {
        StreamOptions defaults = StreamOptions.defaults();
        assertEquals(65_536, defaults.limit());
        assertEquals(65_536, defaults.highWater());
        assertEquals(16_384, defaults.lowWater());
        assertTrue(defaults.noDelay());
        assertEquals(100, defaults.backlog());
    }

    @Test
    void eachSetterReturnsAChangedCopy() {
        StreamOptions options = StreamOptions.defaults().limit(10).writeBufferLimits(300, 20).noDelay(false).backlog(7);
        assertEquals("StreamOptions[limit=10, writeBufferLimits=300/20, noDelay=false, backlog=7]", options.toString());
        assertFalse(options.noDelay());
        assertEquals(65_536, StreamOptions.defaults().limit(), "the defaults are unchanged");
    }

    @Test
    void badArgumentsAreRefused() {
        StreamOptions defaults = StreamOptions.defaults();
        assertEquals("Limit cannot be <= 0: 0", assertThrows(IllegalArgumentException.class, () -> defaults.limit(0)).getMessage());
        assertEquals("high (1) must be >= low (2) must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> defaults.writeBufferLimits(1, 2)).getMessage());
        assertEquals("high (1) must be >= low (-1) must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> defaults.writeBufferLimits(1, -1)).getMessage());
        assertEquals("the backlog must be > 0: 0", assertThrows(IllegalArgumentException.class, () -> defaults.backlog(0)).getMessage());
    }
}
